package com.pyairtable.observability.http;

/**
 * The number of bytes characters take in UTF-8, for the body size wrappers.
 */
final class Utf8 {

	private Utf8() {
	}

	static long length(char[] buffer, int off, int len) {
		long length = 0;
		for (int i = off; i < off + len; i++) {
			length += length(buffer[i]);
		}
		return length;
	}

	static long length(CharSequence text) {
		return length(text, 0, text.length());
	}

	static long length(CharSequence text, int off, int len) {
		long length = 0;
		for (int i = off; i < off + len; i++) {
			length += length(text.charAt(i));
		}
		return length;
	}

	static int length(char c) {
		if (c < 0x80) {
			return 1;
		}
		if (c < 0x800) {
			return 2;
		}
		// A surrogate pair encodes as 4 bytes: 2 for each half.
		return Character.isSurrogate(c) ? 2 : 3;
	}

}
