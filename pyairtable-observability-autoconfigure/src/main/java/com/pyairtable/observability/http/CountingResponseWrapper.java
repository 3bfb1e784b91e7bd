package com.pyairtable.observability.http;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;

/**
 * Counts the bytes of a response body as they pass, without buffering them: the body
 * reaches the client exactly as it would without the wrapper.
 */
final class CountingResponseWrapper extends HttpServletResponseWrapper {

	private long bytes;

	private @Nullable ServletOutputStream outputStream;

	private @Nullable PrintWriter writer;

	CountingResponseWrapper(HttpServletResponse response) {
		super(response);
	}

	long bytesWritten() {
		return this.bytes;
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		if (this.outputStream == null) {
			this.outputStream = new CountingOutputStream(super.getOutputStream());
		}
		return this.outputStream;
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		if (this.writer == null) {
			boolean singleByte = !StandardCharsets.UTF_8.name().equalsIgnoreCase(getCharacterEncoding());
			// PrintWriter over a Writer adds no buffer of its own, so nothing can be held
			// back.
			this.writer = new PrintWriter(new CountingWriter(super.getWriter(), singleByte));
		}
		return this.writer;
	}

	private final class CountingOutputStream extends ServletOutputStream {

		private final ServletOutputStream delegate;

		CountingOutputStream(ServletOutputStream delegate) {
			this.delegate = delegate;
		}

		@Override
		public void write(int b) throws IOException {
			this.delegate.write(b);
			CountingResponseWrapper.this.bytes++;
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			this.delegate.write(b, off, len);
			CountingResponseWrapper.this.bytes += len;
		}

		@Override
		public void flush() throws IOException {
			this.delegate.flush();
		}

		@Override
		public void close() throws IOException {
			this.delegate.close();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setWriteListener(WriteListener listener) {
			this.delegate.setWriteListener(listener);
		}

	}

	private final class CountingWriter extends Writer {

		private final PrintWriter delegate;

		private final boolean singleByte;

		CountingWriter(PrintWriter delegate, boolean singleByte) {
			this.delegate = delegate;
			this.singleByte = singleByte;
		}

		@Override
		public void write(char[] buffer, int off, int len) {
			this.delegate.write(buffer, off, len);
			CountingResponseWrapper.this.bytes += this.singleByte ? len : Utf8.length(buffer, off, len);
		}

		@Override
		public void write(String text, int off, int len) {
			this.delegate.write(text, off, len);
			CountingResponseWrapper.this.bytes += this.singleByte ? len : Utf8.length(text, off, len);
		}

		@Override
		public void flush() {
			this.delegate.flush();
		}

		@Override
		public void close() {
			this.delegate.close();
		}

	}

}
