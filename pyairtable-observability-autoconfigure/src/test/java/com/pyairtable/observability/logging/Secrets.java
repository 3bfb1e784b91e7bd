package com.pyairtable.observability.logging;

import java.util.List;

/**
 * One sample of every secret pattern, and text embedding each of them.
 */
public final class Secrets {

	public static final String AIRTABLE_PAT = "patAbCdEfGhIjKlMn."
			+ "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

	public static final String GOOGLE_KEY = "AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q";

	public static final String OPENAI_KEY = "sk-proj-Abc123Def456Ghi789Jkl012";

	public static final String ANTHROPIC_KEY = "sk-ant-api03-Xyz987Wvu654Tsr321Qpo";

	public static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0."
			+ "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";

	public static final String BASIC_CREDENTIALS = "dXNlcjpwYXNzd29yZA==";

	public static final String BEARER_TOKEN = "opaqueBearer42token";

	public static final String API_KEY_PARAM = "supersecret123";

	public static final String TOKEN_PARAM = "tok987654xyz";

	/** Every secret value that must not be seen. */
	public static final List<String> ALL = List.of(AIRTABLE_PAT, GOOGLE_KEY, OPENAI_KEY, ANTHROPIC_KEY, JWT,
			BASIC_CREDENTIALS, BEARER_TOKEN, API_KEY_PARAM, TOKEN_PARAM);

	/** Text carrying every secret in its usual surroundings. */
	public static final String TEXT = "pat=" + AIRTABLE_PAT + " google=" + GOOGLE_KEY + " openai=" + OPENAI_KEY
			+ " anthropic=" + ANTHROPIC_KEY + " jwt=" + JWT + " Authorization: Basic " + BASIC_CREDENTIALS
			+ " header=Bearer " + BEARER_TOKEN + " url=https://api.example.com/v1?api_key=" + API_KEY_PARAM + "&token="
			+ TOKEN_PARAM + " base=appA1b2C3d4E5f6G7h table=tblZ9y8X7w6V5u4T3s";

	private Secrets() {
	}

}
