package com.pyairtable.observability.database;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The operation and first table of a SQL statement, read from its text without a parser:
 * enough to name a span and a bounded metric tag, never the values it carries.
 *
 * @param operation one of {@link #OPERATIONS}
 * @param table the first table named, lower case and unquoted, or {@code null}
 */
public record SqlStatement(String operation, @Nullable String table) {

	/** The operations a statement is recorded as; anything else is {@code other}. */
	public static final Set<String> OPERATIONS = Set.of("select", "insert", "update", "delete", "merge", "call", "ddl",
			"transaction", "other");

	private static final Set<String> DDL = Set.of("create", "alter", "drop", "truncate", "comment", "rename");

	private static final Set<String> TRANSACTION = Set.of("begin", "commit", "rollback", "savepoint", "release",
			"start", "set");

	private static final Pattern LEADING_COMMENTS = Pattern.compile("^(\\s*(--[^\\n]*\\n|/\\*.*?\\*/))*\\s*",
			Pattern.DOTALL);

	private static final Pattern FIRST_WORD = Pattern.compile("^([A-Za-z]+)");

	private static final Pattern TABLE = Pattern.compile(
			"\\b(?:from|into|update|join|table(?:\\s+if\\s+(?:not\\s+)?exists)?|merge\\s+into)\\s+"
					+ "([\"`\\[]?[A-Za-z_][\\w$]*[\"`\\]]?(?:\\.[\"`\\[]?[A-Za-z_][\\w$]*[\"`\\]]?)?)",
			Pattern.CASE_INSENSITIVE);

	private static final SqlStatement UNKNOWN = new SqlStatement("other", null);

	/**
	 * Reads a statement.
	 * @param sql the SQL text, placeholders and all
	 * @return its operation and first table; {@code other} when unreadable
	 */
	public static SqlStatement of(@Nullable String sql) {
		if (sql == null || sql.isBlank()) {
			return UNKNOWN;
		}
		String text = LEADING_COMMENTS.matcher(sql).replaceFirst("");
		Matcher word = FIRST_WORD.matcher(text);
		if (!word.find()) {
			return UNKNOWN;
		}
		String operation = operation(word.group(1).toLowerCase(Locale.ROOT));
		if (operation.equals("transaction")) {
			return new SqlStatement(operation, null);
		}
		Matcher table = TABLE.matcher(text);
		return new SqlStatement(operation, table.find() ? unquote(table.group(1)) : null);
	}

	private static String operation(String word) {
		if (word.equals("with")) {
			// A common table expression reads unless it says otherwise; the CTE's own
			// statement is rarely worth a separate tag.
			return "select";
		}
		if (word.equals("exec") || word.equals("execute")) {
			return "call";
		}
		if (DDL.contains(word)) {
			return "ddl";
		}
		if (TRANSACTION.contains(word)) {
			return "transaction";
		}
		return OPERATIONS.contains(word) ? word : "other";
	}

	private static String unquote(String name) {
		return name.replaceAll("[\"`\\[\\]]", "").toLowerCase(Locale.ROOT);
	}

}
