package com.pyairtable.observability.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.Part;
import org.jspecify.annotations.Nullable;

/**
 * Counts the bytes of a request body the application actually reads, through
 * {@link #getInputStream()} or {@link #getReader()}, rather than trusting the declared
 * {@code Content-Length}: a caller that declares a terabyte and sends nothing is recorded
 * as sending nothing. A form or multipart body that the container parses itself, for
 * {@link #getParameter(String)} or {@link #getParts()}, is counted at its declared length
 * once the container has parsed it successfully, which it does only after reading that
 * many bytes (it throws when the body ends early).
 */
final class CountingRequestWrapper extends HttpServletRequestWrapper {

	private long bytes;

	private boolean parametersRead;

	private boolean partsRead;

	private @Nullable ServletInputStream inputStream;

	private @Nullable BufferedReader reader;

	private final CountingResponseWrapper response;

	CountingRequestWrapper(HttpServletRequest request, CountingResponseWrapper response) {
		super(request);
		this.response = response;
	}

	/**
	 * The counting response of the same exchange.
	 * @return the response
	 */
	CountingResponseWrapper countingResponse() {
		return this.response;
	}

	/**
	 * The bytes of the body read so far.
	 * @return the count, 0 when nothing was read
	 */
	long bytesRead() {
		if (this.bytes == 0 && (this.partsRead || (this.parametersRead && isFormPost()))) {
			return Math.max(0, getContentLengthLong());
		}
		return this.bytes;
	}

	private boolean isFormPost() {
		String contentType = getContentType();
		return "POST".equals(getMethod()) && contentType != null
				&& contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		if (this.inputStream == null) {
			this.inputStream = new CountingInputStream(super.getInputStream());
		}
		return this.inputStream;
	}

	@Override
	public BufferedReader getReader() throws IOException {
		if (this.reader == null) {
			BufferedReader delegate = super.getReader();
			boolean singleByte = !StandardCharsets.UTF_8.name().equalsIgnoreCase(getCharacterEncoding());
			this.reader = new CountingReader(delegate, singleByte);
		}
		return this.reader;
	}

	// The container reads a form body for its parameters, and throws when it cannot
	// read or parse it all (the Servlet 6.1 contract): only a successful parse counts.

	@Override
	public @Nullable String getParameter(String name) {
		String value = super.getParameter(name);
		this.parametersRead = true;
		return value;
	}

	@Override
	public Map<String, String[]> getParameterMap() {
		Map<String, String[]> value = super.getParameterMap();
		this.parametersRead = true;
		return value;
	}

	@Override
	public Enumeration<String> getParameterNames() {
		Enumeration<String> value = super.getParameterNames();
		this.parametersRead = true;
		return value;
	}

	@Override
	public String @Nullable [] getParameterValues(String name) {
		String[] value = super.getParameterValues(name);
		this.parametersRead = true;
		return value;
	}

	@Override
	public Collection<Part> getParts() throws IOException, ServletException {
		Collection<Part> parts = super.getParts();
		// Only once the container has read the whole body: a failed parse throws above.
		this.partsRead = true;
		return parts;
	}

	@Override
	public @Nullable Part getPart(String name) throws IOException, ServletException {
		Part part = super.getPart(name);
		this.partsRead = true;
		return part;
	}

	/**
	 * InputStream's own {@code readAllBytes} and {@code readNBytes} loop over
	 * {@link #read(byte[], int, int)}, so the bytes read before a body ends early are
	 * counted too.
	 */
	private final class CountingInputStream extends ServletInputStream {

		private final ServletInputStream delegate;

		CountingInputStream(ServletInputStream delegate) {
			this.delegate = delegate;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b >= 0) {
				CountingRequestWrapper.this.bytes++;
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			return counted(this.delegate.read(b, off, len));
		}

		@Override
		public int read(ByteBuffer buffer) throws IOException {
			return counted(this.delegate.read(buffer));
		}

		@Override
		public int readLine(byte[] b, int off, int len) throws IOException {
			return counted(this.delegate.readLine(b, off, len));
		}

		@Override
		public long skip(long n) throws IOException {
			// Skipped bytes were received all the same.
			long skipped = this.delegate.skip(n);
			CountingRequestWrapper.this.bytes += Math.max(0, skipped);
			return skipped;
		}

		@Override
		public int available() throws IOException {
			return this.delegate.available();
		}

		@Override
		public void close() throws IOException {
			this.delegate.close();
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

		private int counted(int read) {
			if (read > 0) {
				CountingRequestWrapper.this.bytes += read;
			}
			return read;
		}

	}

	/**
	 * Counts the characters read as the bytes they were sent as. A buffer of one char in
	 * the superclass: every read goes to the container's own reader.
	 */
	private final class CountingReader extends BufferedReader {

		private final BufferedReader delegate;

		private final boolean singleByte;

		CountingReader(BufferedReader delegate, boolean singleByte) {
			super(delegate, 1);
			this.delegate = delegate;
			this.singleByte = singleByte;
		}

		@Override
		public int read() throws IOException {
			int c = this.delegate.read();
			if (c >= 0) {
				CountingRequestWrapper.this.bytes += this.singleByte ? 1 : Utf8.length((char) c);
			}
			return c;
		}

		@Override
		public int read(char[] buffer, int off, int len) throws IOException {
			int read = this.delegate.read(buffer, off, len);
			if (read > 0) {
				CountingRequestWrapper.this.bytes += this.singleByte ? read : Utf8.length(buffer, off, read);
			}
			return read;
		}

		@Override
		public int read(CharBuffer target) throws IOException {
			int position = target.position();
			int read = this.delegate.read(target);
			if (read > 0) {
				CountingRequestWrapper.this.bytes += this.singleByte ? read
						: Utf8.length(target.duplicate().position(position).limit(position + read));
			}
			return read;
		}

		@Override
		public @Nullable String readLine() throws IOException {
			String line = this.delegate.readLine();
			if (line != null) {
				// The line terminator is not returned; count one byte for it, as most
				// bodies use \n.
				CountingRequestWrapper.this.bytes += (this.singleByte ? line.length() : Utf8.length(line)) + 1;
			}
			return line;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = this.delegate.skip(n);
			CountingRequestWrapper.this.bytes += Math.max(0, skipped);
			return skipped;
		}

		@Override
		public boolean ready() throws IOException {
			return this.delegate.ready();
		}

		@Override
		public boolean markSupported() {
			return this.delegate.markSupported();
		}

		@Override
		public void mark(int readAheadLimit) throws IOException {
			// Characters read again after a reset are counted again: the reader stays as
			// the application expects it.
			this.delegate.mark(readAheadLimit);
		}

		@Override
		public void reset() throws IOException {
			this.delegate.reset();
		}

		@Override
		public void close() throws IOException {
			this.delegate.close();
		}

	}

}
