package com.pyairtable.observability.sample.reliability;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hostile-input scenario's table of secret shapes (realistic, fake, one constant
 * each) and the search for them: a finding is a secret's constant or any 12-character
 * piece of its secret part (so that a secret cut before it was redacted is found too).
 */
final class HostileSecrets {

	/** Length of the pieces of a secret part that count as a finding. */
	static final int PIECE = 12;

	static final String PEM_LINE_1 = "GCmfHpFijaHem6bGrMlbsEIlC4yQIFLAtcjGVdGYj5pandRonbC9jmevTtium2ys";

	static final String PEM_LINE_2 = "bxoD2KRohi/jXNQxvnr9YvVcinzD4Z/f/TGS/wuI/NQQodEZvWo5eLPIzu8uA6Gy";

	static final String GCP_KEY = "ChOUDfXqamY26ma2NpQjxfjmCQb00DkL2QL+IHJsnS5gHbnFeW7PtMuTVJBOrnPGqfsfcH60bWfm95Ol";

	static final String JWT_PAYLOAD = "eyJzdWIiOiJob3N0aWxlLWpQUXBKM3pISGIiLCJzY29wZSI6InJlY29yZHM6d3JpdGUiLCJleHAiOjE4OTM0NTYwMDB9";

	static final String JWT_SIGNATURE = "silOkwFU2ZtJxJ60biT6LL6OPpcxk3AiWDHk17KODEz";

	static final String UNSIGNED_JWT_PAYLOAD = "eyJzdWIiOiJob3N0aWxlLWgzeERYTE5LTUQiLCJhZG1pbiI6dHJ1ZX0";

	static final String AWS_KEY_ID = "AKIAS5D976RM7XVQQW64";

	static final String AWS_SECRET = "Ytvl9draqLAIRN4kBXWDMllnqsY0rCnAVytWeDPj";

	static final String SIGV4_KEY_ID = "AKIAIV7HT7OW59VIFNUM";

	static final String SIGV4_SIGNATURE = "52554167a606ea149a05d215c7c012d65c223dec6e50ed93291c660a43377b16";

	static final List<Secret> ALL = List.of(
			new Secret("airtable_pat",
					"pat2iQnfEf3V1oCW3.bbf2b03810b9b9f0f64c67224d1065b122514b0018d663227903f1e5899b8510"),
			new Secret("google_api_key", "AIza-3Db9zIxLFnwIO5C937kOirIsQ87Y7lCMXF"),
			new Secret("openai_project_key", "sk-proj-QWzJWLeUrBsrgIjhBXkayZxF9-IJ8y54SPqSa_TuRfdM7g2I"),
			new Secret("anthropic_key",
					"sk-ant-api03-67X_aG3DXUhGRtOHeuXeZDQSkan-JN9sfdsgf68KzmD6TSDDUnuKbTsE_Ieb1ZhIzcMoxrkHkJMhsrEsVjh5HofsBqBjVAA"),
			new Secret("jwt_signed", "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + JWT_PAYLOAD + "." + JWT_SIGNATURE,
					List.of(JWT_PAYLOAD, JWT_SIGNATURE)),
			new Secret("jwt_unsigned", "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0." + UNSIGNED_JWT_PAYLOAD + ".",
					List.of(UNSIGNED_JWT_PAYLOAD)),
			new Secret("aws_access_key_pair",
					"aws_access_key_id=" + AWS_KEY_ID + " aws_secret_access_key=" + AWS_SECRET,
					List.of(AWS_KEY_ID, AWS_SECRET)),
			new Secret("github_classic_token", "ghp_xdKuB6As4XPVYvLtEy6oO5MnY2CZUpuClonN"),
			new Secret("github_fine_grained_token",
					"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"),
			new Secret("stripe_live_key", "sk_live_NfxmJnINXcwFaXbdT2dpbPGP"),
			new Secret("password_assignment", "password=hunter2secret", List.of("hunter2secret")),
			new Secret("url_user_info", "https://deploy:cJpgSxeUXAS43s@git.example.com/platform.git",
					List.of("cJpgSxeUXAS43s")),
			new Secret("pem_private_key",
					"-----BEGIN PRIVATE KEY-----\n" + PEM_LINE_1 + "\n" + PEM_LINE_2 + "\n-----END PRIVATE KEY-----",
					List.of(PEM_LINE_1, PEM_LINE_2)),
			new Secret("gcp_service_account_key",
					"\"private_key\": \"-----BEGIN PRIVATE KEY-----\\n" + GCP_KEY + "\\n-----END PRIVATE KEY-----\\n\"",
					List.of(GCP_KEY)),
			new Secret("slack_bot_token", "xoxb-472495192650-6859982422883-ecOHRAK1a4LuiDQW3am3Sx0x"),
			new Secret("slack_webhook",
					"https://hooks.slack.com/services/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",
					List.of("MPJauS7JYi4r3aBe7J2HhdEc")),
			new Secret("json_password_member", "{\"password\":\"fvJ0nYyCByeFwwawA4pCwcpzHq91WJHw\"}",
					List.of("fvJ0nYyCByeFwwawA4pCwcpzHq91WJHw")),
			new Secret("json_api_key_member", "{\"apiKey\":\"1ZyAGmB66UU3y5mdkxpq7IPfwbDCPuqz\"}",
					List.of("1ZyAGmB66UU3y5mdkxpq7IPfwbDCPuqz")),
			new Secret("x_api_key_header", "X-API-Key: mqY3r9zWL5Pc3dXphlttFq8XJv1gYG8N",
					List.of("mqY3r9zWL5Pc3dXphlttFq8XJv1gYG8N")),
			new Secret("cookie_header", "Cookie: session=L7qEjeHeMI7gJPW6PurT0vhsZZy1L6bE",
					List.of("L7qEjeHeMI7gJPW6PurT0vhsZZy1L6bE")),
			new Secret("sentry_dsn", "https://899437a50657babb3b0a5a6522a9f158@o123.ingest.sentry.io/456",
					List.of("899437a50657babb3b0a5a6522a9f158")),
			new Secret("url_encoded_password", "user=ops&password%3DKNSJ9pKWIO8dV9XvDU6D0i1ViI34kQSq",
					List.of("KNSJ9pKWIO8dV9XvDU6D0i1ViI34kQSq")),
			new Secret("digest_authorization",
					"Authorization: Digest username=\"ops\", realm=\"api\", nonce=\"dcd98b7102dd2f0e\", uri=\"/v0\", "
							+ "response=\"ueJ1RKlh4bNf3kyistyRyPaCOoFb4HIQ\"",
					List.of("ueJ1RKlh4bNf3kyistyRyPaCOoFb4HIQ")),
			new Secret("aws_sigv4_authorization",
					"Authorization: AWS4-HMAC-SHA256 Credential=" + SIGV4_KEY_ID
							+ "/20261201/us-east-1/s3/aws4_request, " + "SignedHeaders=host;x-amz-date, Signature="
							+ SIGV4_SIGNATURE,
					List.of(SIGV4_KEY_ID, SIGV4_SIGNATURE)),
			new Secret("map_shaped_headers", "{Authorization=[Bearer thykTF3toafQL2sUb207P6Vbh6J1GKrP]}",
					List.of("thykTF3toafQL2sUb207P6Vbh6J1GKrP")));

	/** Every piece of every secret part, to the secret's name. */
	private final Map<String, String> pieces = new HashMap<>();

	/** Secret parts shorter than a piece, searched whole. */
	private final Map<String, String> shortParts = new LinkedHashMap<>();

	HostileSecrets() {
		for (Secret secret : ALL) {
			for (String part : secret.parts()) {
				if (part.length() < PIECE) {
					this.shortParts.put(part, secret.name());
					continue;
				}
				for (int i = 0; i + PIECE <= part.length(); i++) {
					this.pieces.putIfAbsent(part.substring(i, i + PIECE), secret.name());
				}
			}
		}
	}

	/**
	 * Searches one unit of text (a log line, a span, a scrape line, a file) of a path,
	 * and its URL-decoded form when it holds a percent sign; adds one finding per secret
	 * found.
	 */
	void search(String path, String unit, List<Finding> findings) {
		Map<String, Integer> found = find(unit);
		if (found.isEmpty() && unit.indexOf('%') >= 0) {
			String decoded = decode(unit);
			if (!decoded.equals(unit)) {
				unit = decoded;
				found = find(unit);
			}
		}
		for (Map.Entry<String, Integer> hit : found.entrySet()) {
			findings.add(new Finding(hit.getKey(), path, excerpt(unit, hit.getValue())));
		}
	}

	/** Secret name to the index of its first piece in the text. */
	private Map<String, Integer> find(String text) {
		Map<String, Integer> found = new LinkedHashMap<>();
		for (int i = 0; i + PIECE <= text.length(); i++) {
			String secret = this.pieces.get(text.substring(i, i + PIECE));
			if (secret != null) {
				found.putIfAbsent(secret, i);
			}
		}
		this.shortParts.forEach((part, secret) -> {
			int at = text.indexOf(part);
			if (at >= 0) {
				found.putIfAbsent(secret, at);
			}
		});
		return found;
	}

	/** 60 characters around a hit, every character of a secret piece masked. */
	private String excerpt(String text, int at) {
		int start = Math.max(0, at - 24);
		int end = Math.min(text.length(), start + 60);
		boolean[] masked = new boolean[text.length()];
		for (int i = Math.max(0, start - PIECE); i + PIECE <= Math.min(text.length(), end + PIECE); i++) {
			if (this.pieces.containsKey(text.substring(i, i + PIECE))) {
				for (int j = i; j < i + PIECE; j++) {
					masked[j] = true;
				}
			}
		}
		StringBuilder excerpt = new StringBuilder();
		for (int i = start; i < end; i++) {
			char c = text.charAt(i);
			excerpt.append((masked[i]) ? '*' : ((c == '\n' || c == '\r') ? ' ' : c));
		}
		String result = excerpt.toString();
		for (String part : this.shortParts.keySet()) {
			result = result.replace(part, "*".repeat(part.length()));
		}
		return result;
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return text;
		}
	}

	/** The findings grouped for an assertion message: one line each, secrets masked. */
	static String report(List<Finding> findings) {
		Map<String, List<Finding>> byPlace = new LinkedHashMap<>();
		for (Finding finding : findings) {
			byPlace.computeIfAbsent(finding.secret() + " in " + finding.path(), (key) -> new ArrayList<>())
				.add(finding);
		}
		StringBuilder report = new StringBuilder(findings.size() + " findings:\n");
		byPlace.forEach((place, list) -> report.append("  ")
			.append(place)
			.append(" (")
			.append(list.size())
			.append("x), e.g. \"")
			.append(list.get(0).excerpt())
			.append("\"\n"));
		return report.toString();
	}

	/**
	 * A secret shape.
	 *
	 * @param name short name in findings
	 * @param value the constant sent
	 * @param parts the secret material inside it (a prefix such as {@code password=} or a
	 * JWT's public header is not secret, and a piece of it is no finding)
	 */
	record Secret(String name, String value, List<String> parts) {

		Secret(String name, String value) {
			this(name, value, List.of(value));
		}

		/** The value as one header line can carry it. */
		String singleLine() {
			return this.value.replace("\r", " ").replace("\n", " ");
		}

	}

	/** A leak: which secret, where, and the text around it with the secret masked. */
	record Finding(String secret, String path, String excerpt) {

		@Override
		public String toString() {
			return this.secret + " in " + this.path + ": " + this.excerpt;
		}

	}

}
