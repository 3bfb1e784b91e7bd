package com.pyairtable.observability.database;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Classifies a JDBC failure into a small fixed set, the {@code error} tag of
 * {@code database_errors_total}: by exception type first, then by SQLState class (the
 * first two characters, which every driver fills in the same way).
 */
public final class DatabaseErrors {

	/** A connection could not be opened or was lost. */
	public static final String CONNECTION = "connection";

	/** The statement or the wait for a connection timed out. */
	public static final String TIMEOUT = "timeout";

	/** Bad SQL or a missing table, column or privilege. */
	public static final String SYNTAX = "syntax";

	/** A constraint (unique, foreign key, not null, check) refused the change. */
	public static final String CONSTRAINT = "constraint";

	/** Deadlock or serialization failure: the transaction was rolled back. */
	public static final String TRANSACTION = "transaction";

	/** Invalid data: conversion, overflow, truncation. */
	public static final String DATA = "data";

	/** Anything else. */
	public static final String OTHER = "other";

	/** Every value of the tag. */
	public static final Set<String> VALUES = Set.of(CONNECTION, TIMEOUT, SYNTAX, CONSTRAINT, TRANSACTION, DATA, OTHER);

	private DatabaseErrors() {
	}

	/**
	 * The kind of a failure.
	 * @param error what the driver or the pool threw
	 * @return one of {@link #VALUES}
	 */
	public static String classify(@Nullable Throwable error) {
		for (Throwable t = error; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			String kind = classifyOne(t);
			if (kind != null) {
				return kind;
			}
		}
		return OTHER;
	}

	private static @Nullable String classifyOne(Throwable error) {
		if (error instanceof SQLTimeoutException) {
			return TIMEOUT;
		}
		if (error instanceof SQLTransientConnectionException || error instanceof SQLNonTransientConnectionException
				|| error instanceof SQLRecoverableException || error instanceof java.net.ConnectException) {
			return CONNECTION;
		}
		if (error instanceof SQLSyntaxErrorException) {
			return SYNTAX;
		}
		if (error instanceof SQLIntegrityConstraintViolationException) {
			return CONSTRAINT;
		}
		if (error instanceof SQLTransactionRollbackException) {
			return TRANSACTION;
		}
		if (error instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2) {
			return bySqlState(sql.getSQLState());
		}
		return null;
	}

	private static @Nullable String bySqlState(String sqlState) {
		// PostgreSQL's query_canceled (57014) is a statement timeout; H2 and others use
		// HYT00.
		if (sqlState.equals("57014") || sqlState.startsWith("HYT")) {
			return TIMEOUT;
		}
		return switch (sqlState.substring(0, 2)) {
			case "08" -> CONNECTION;
			case "42", "3F", "0A" -> SYNTAX;
			case "23" -> CONSTRAINT;
			case "40" -> TRANSACTION;
			case "22" -> DATA;
			// Operator intervention: the server shut down or dropped the session.
			case "57" -> CONNECTION;
			default -> null;
		};
	}

}
