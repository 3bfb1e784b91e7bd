package com.pyairtable.observability.logging;

import java.util.List;

/**
 * One or more samples per built-in rule of {@link SecretRedactor}: text holding a secret,
 * the secret that must not survive, and a look-alike that must come back unchanged; plus
 * a corpus of ordinary identifiers. Token prefixes are split so that secret scanners do
 * not flag this file.
 */
final class SecretSamples {

	private static final String HEX64 = "0123456789abcdef".repeat(4);

	static final String GITHUB_TOKEN = "gh" + "p_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";

	static final List<Row> ROWS = List.of(new Row("private-key",
			"key=-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7xZ\n-----END RSA PRIVATE KEY-----",
			"MIIEowIBAAKCAQEA7xZ", "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----"),
			new Row("private-key", "-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAA\\n-----END OPENSSH",
					"b3BlbnNzaC1rZXktdjEAAAAA", "-----BEGIN PUBLIC KEY-----"),
			new Row("private-key",
					"{\"type\": \"service_account\", \"private_key\": \"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkq\\n"
							+ "-----END PRIVATE KEY-----\\n\", \"client_email\": \"x@p.iam.gserviceaccount.com\"}",
					"MIIEvQIBADANBgkq", "{\"type\": \"service_account\", \"project_id\": \"acme-prod\"}"),
			new Row("jwt", "jwt=" + Secrets.JWT, "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U", "keyJar.eyJ-not"),
			new Row("jwt", "unsigned eyJhbGciOiJub25lIn0.eyJzdWIiOiIxMjM0In0. done", "eyJzdWIiOiIxMjM0In0",
					"eyJhbGciOiJub25lIn0 alone"),
			new Row("jwt", "Unrecognized token 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0': was expecting",
					"eyJzdWIiOiIxMjM0NTY3ODkwIn0", "eyJhbGciOiJIUzI1NiJ9 header only"),
			new Row("airtable-pat", "pat=" + Secrets.AIRTABLE_PAT, Secrets.AIRTABLE_PAT, "patient-records-service"),
			new Row("airtable-pat-id", "Unrecognized token '" + "pat" + "2iQnfEf3V1oCW3': was expecting",
					"2iQnfEf3V1oCW3", "patientRecords2024 pattern-matcher-14 patterns"),
			new Row("json-member", "GET /api/records/%7B%22password%22%3A%22fvJ0nYyCByeFwwa%22%7D", "fvJ0nYyCByeFwwa",
					"GET /api/records/%7B%22name%22%3A%22fvJ0nYyCByeFwwa%22%7D"),
			new Row("key-value", "GET /x/user%3Dops%26password%253Dhunter2secret", "hunter2secret",
					"GET /x/user%3Dops%26page%253D2"),
			new Row("google-api-key", "google=" + Secrets.GOOGLE_KEY, Secrets.GOOGLE_KEY, "AIzaTooShort"),
			new Row("anthropic-key", "key " + Secrets.ANTHROPIC_KEY, "Xyz987Wvu654Tsr321Qpo",
					"sk-ant-colony-optimizer"),
			new Row("openai-key", "model=" + Secrets.OPENAI_KEY, Secrets.OPENAI_KEY, "task-scheduler-pool-thread-1"),
			new Row("openai-key", "sk-" + "T3BlbkFJ".repeat(6), "T3BlbkFJT3BlbkFJ", "risk-assessment-service"),
			new Row("aws-access-key-id", "id AKIA" + "IOSFODNN7EXAMPLE", "IOSFODNN7EXAMPLE", "AKIAshort ASIA-PACIFIC"),
			new Row("aws-access-key-id", "ASIA" + "Y34FZKBOKMUTVV7A,", "Y34FZKBOKMUTVV7A", "asia-northeast1"),
			new Row("github-token", "token " + GITHUB_TOKEN, GITHUB_TOKEN, "ghp_short ghost_writer"),
			new Row("github-token", "gh" + "s_" + "a".repeat(36), "a".repeat(36), "ghs_" + "a".repeat(10)),
			new Row("github-fine-grained-pat", "github" + "_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123",
					"abcdefghijklmnopqrstuvwxyz0123", "github_pat_short"),
			new Row("gitlab-token", "glpat" + "-xYz0123456789AbCdEfGh", "xYz0123456789AbCdEfGh", "glpat-short"),
			new Row("stripe-key", "sk_" + "live_51H8AbCdEfGhIjKlMn", "51H8AbCdEfGhIjKlMn",
					"risk_test_suite desk_live_view"),
			new Row("stripe-key", "rk_" + "test_AbCdEfGhIjKlMnOp", "AbCdEfGhIjKlMnOp", "rk_test_x"),
			new Row("slack-token", "xox" + "b-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
					"AbCdEfGhIjKlMnOpQrStUvWx", "xoxo-hugs"),
			new Row("slack-webhook", "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
					"XXXXXXXXXXXXXXXXXXXXXXXX", "https://hooks.slack.com/help"),
			new Row("sendgrid-key", "SG." + "AbCdEfGhIjKlMnOpQrStUv." + "a1B2c3D4e5F6g7H8i9J0".repeat(2) + "xyz",
					"a1B2c3D4e5F6g7H8i9J0", "SG.Stockholm"),
			new Row("twilio-api-key", "SK" + HEX64.substring(0, 32), HEX64.substring(0, 32),
					"4bf92f3577b34da6a3ce929d0e0e4736"),
			new Row("npm-token", "npm" + "_" + "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789", "AbCdEfGhIjKlMnOpQrStUvWxYz",
					"npm_config_cache"),
			new Row("pypi-token", "pypi" + "-AgEIcHlwaS5vcmc" + "A1b2C3d4E5".repeat(6), "A1b2C3d4E5A1b2C3d4E5",
					"pypi-mirror"),
			new Row("huggingface-token", "hf" + "_" + "AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGh",
					"AbCdEfGhIjKlMnOpQrStUvWxYz", "hf_model_name"),
			new Row("shopify-token", "shp" + "at_" + HEX64.substring(0, 32), HEX64.substring(0, 32), "shpat_x"),
			new Row("digitalocean-token", "do" + "p_v1_" + HEX64, HEX64, "api_v1_users"),
			new Row("authorization-parameters",
					"Authorization: Digest username=\"u\", realm=\"r\", nonce=\"abc\", response=\"6629fae49393a05397450978\"",
					"6629fae49393a05397450978", "Authorization failed for user bob"),
			new Row("authorization-parameters",
					"authorization: AWS4-HMAC-SHA256 Credential=AKIA/20240101/us-east-1/s3/aws4_request, "
							+ "SignedHeaders=host;x-amz-date, Signature=fe5f80f77d5fa3beca038a248ff027d0",
					"fe5f80f77d5fa3beca038a248ff027d0", "authorization-server-metadata"),
			new Row("authorization", "Authorization: Basic dXNlcjpwYXNz", "dXNlcjpwYXNz", "Authorization failed"),
			new Row("authorization", "{Authorization=[Bearer abc123], Accept=[*/*]}", "abc123", "{Accept=[*/*]}"),
			new Row("authorization", "[authorization:\"Bearer abc123\", accept:\"*/*\"]", "abc123", "[accept:\"*/*\"]"),
			new Row("bearer", "header=Bearer " + Secrets.BEARER_TOKEN, Secrets.BEARER_TOKEN, "bearer-service"),
			new Row("cookie", "Cookie: SESSION=abc123; theme=dark", "abc123", "cookie-consent-banner"),
			new Row("cookie", "Set-Cookie: id=a3fWa; Path=/; HttpOnly", "a3fWa", "cookies: 3"),
			new Row("cookie", "{cookie=[SESSION=abc123], host=[x]}", "abc123", "{host=[x]}"),
			new Row("json-member", "{\"password\":\"hunter2 with spaces\"}", "hunter2", "{\"passwordless\":true}"),
			new Row("json-member", "{\"apiKey\": \"k-12345\"}", "k-12345",
					"{\"max_tokens\": 100, \"token_type\": \"x\"}"),
			new Row("json-member", "{\"client_secret\":\"cs-987\",\"authorization\":\"x\"}", "cs-987",
					"{\"secretName\":\"a\"}"),
			new Row("json-member", "body {\\\"token\\\":\\\"t0k3n\\\"}", "t0k3n", "{\\\"tokens\\\":\\\"5\\\"}"),
			new Row("key-value", "GET /x?password=hunter2&user=bob", "hunter2", "GET /x?user=bob&tokens=5"),
			new Row("key-value", "passwd=pw1 secret=s3 token=t0 api_key=a1 access_token=at9 client_secret=cs7", "pw1",
					"max_tokens=100 passwordless=true"),
			new Row("key-value", "form user%3Dbob%26password%3Dhunter2", "hunter2", "form user%3Dbob"),
			new Row("key-value", "X-API-Key: k-12345", "k-12345", "X-Request-Id: 42"),
			new Row("key-value", "{x-api-key=[k123], host=[h]}", "k123", "{host=[h]}"),
			new Row("key-value", "aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI",
					"aws_region=eu-west-1"),
			new Row("key-value", "refresh token: abc.def", "abc.def", "TokenService started"),
			new Row("url-password", "redis://:s3cret@localhost:6379", "s3cret", "redis://localhost:6379"),
			new Row("url-password", "jdbc:postgresql://app:pw1234@db:5432/x", "pw1234", "http://localhost:8080/path"),
			new Row("url-user-token", "dsn https://0123456789abcdef0123456789abcdef@o123456.ingest.sentry.io/4505",
					"0123456789abcdef0123456789abcdef", "https://git@github.com/acme/x"));

	/** Identifiers seen in ordinary telemetry, none of them secret. */
	static final List<String> ORDINARY = List.of("task-scheduler-pool-thread-1", "risk-assessment-service",
			"http-nio-8080-exec-1", "com.pyairtable.observability.logging.SecretRedactor",
			"com.acme.billing.TokenRefreshScheduler", "org.springframework.security.web.csrf.CsrfTokenRepository",
			"pyairtable-automation-worker", "desk-booking-service", "kiosk-sync-job",
			"f47ac10b-58cc-4372-a567-0e02b2c3d479", "appA1b2C3d4E5f6G7h", "tblZ9y8X7w6V5u4T3s", "recAbC123dEf456GhI",
			"fldQwErTy1234567", "viwGrid0123456789", "4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
			"traceparent 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
			"GET /api/v1/bases/appA1b2C3d4E5f6G7h/tables 200 in 12ms", "llm.tokens.input=512 max_tokens=1024",
			"passwordless login enabled", "Authorization failed for user", "cookie-consent", "bearer-service",
			"Secrets loaded from vault path kv/data/app", "skeleton-key-loader", "asia-northeast1", "gpt-4o-mini",
			"claude-3-5-sonnet", "sk-learn", "https://api.airtable.com/v0/appA1b2C3d4E5f6G7h/Orders?pageSize=100",
			"redis://localhost:6379/0", "amqp://rabbitmq:5672/vhost", "ghost-writer", "npm_config_cache",
			"2026-12-01T21:49:26.123Z INFO 1 --- [main] c.a.Application : Started Application in 2.3 seconds");

	private SecretSamples() {
	}

	record Row(String rule, String text, String secret, String negative) {
	}

}
