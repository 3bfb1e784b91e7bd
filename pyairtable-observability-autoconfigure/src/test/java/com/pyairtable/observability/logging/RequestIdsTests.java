package com.pyairtable.observability.logging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTests {

	@Test
	void safeIdIsKept() {
		assertThat(RequestIds.accept("req-42.a_b:c")).isEqualTo("req-42.a_b:c");
	}

	@Test
	void unsafeOrTooLongOrMissingIdIsReplaced() {
		assertThat(RequestIds.accept("bad id\n<script>")).matches("[0-9a-f-]{36}");
		assertThat(RequestIds.accept("a".repeat(129))).matches("[0-9a-f-]{36}");
		assertThat(RequestIds.accept(null)).matches("[0-9a-f-]{36}");
		assertThat(RequestIds.accept("a".repeat(128))).hasSize(128);
	}

	@Test
	void newIdsAreDistinctVersion4Uuids() {
		String first = RequestIds.accept(null);
		assertThat(java.util.UUID.fromString(first).version()).isEqualTo(4);
		assertThat(java.util.UUID.fromString(first).variant()).isEqualTo(2);
		assertThat(RequestIds.accept(null)).isNotEqualTo(first);
		assertThat(RequestIds.accept("caf\u00e9-1")).matches("[0-9a-f-]{36}");
		assertThat(RequestIds.accept("")).matches("[0-9a-f-]{36}");
		assertThat(RequestIds.accept("  req-1  ")).isEqualTo("req-1");
	}

	@Test
	void userIdHashIsShortAndStable() {
		assertThat(BusinessContext.hashUserId("user@example.com")).hasSize(16)
			.isEqualTo(BusinessContext.hashUserId("user@example.com"))
			.doesNotContain("user");
	}

}
