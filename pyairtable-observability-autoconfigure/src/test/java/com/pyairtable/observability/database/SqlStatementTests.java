package com.pyairtable.observability.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlStatementTests {

	@Test
	void readsOperationAndFirstTable() {
		assertThat(SqlStatement.of("SELECT id FROM public.\"Orders\" o JOIN items i ON o.id = i.order_id"))
			.isEqualTo(new SqlStatement("select", "public.orders"));
		assertThat(SqlStatement.of("insert into orders (id) values (?)"))
			.isEqualTo(new SqlStatement("insert", "orders"));
		assertThat(SqlStatement.of("/* hint */ update orders set x = ?"))
			.isEqualTo(new SqlStatement("update", "orders"));
		assertThat(SqlStatement.of("-- note\ndelete from orders")).isEqualTo(new SqlStatement("delete", "orders"));
		assertThat(SqlStatement.of("create table if not exists t1 (id int)")).isEqualTo(new SqlStatement("ddl", "t1"));
		assertThat(SqlStatement.of("commit")).isEqualTo(new SqlStatement("transaction", null));
		assertThat(SqlStatement.of("with x as (select 1) select * from x")).extracting(SqlStatement::operation)
			.isEqualTo("select");
		assertThat(SqlStatement.of("VACUUM")).isEqualTo(new SqlStatement("other", null));
		assertThat(SqlStatement.of(null)).isEqualTo(new SqlStatement("other", null));
	}

	@Test
	void classifiesErrorsIntoAFixedSet() {
		assertThat(DatabaseErrors.classify(new SQLTransientConnectionException("pool"))).isEqualTo("connection");
		assertThat(DatabaseErrors.classify(new SQLException("x", "08001"))).isEqualTo("connection");
		assertThat(DatabaseErrors.classify(new SQLException("x", "42P01"))).isEqualTo("syntax");
		assertThat(DatabaseErrors.classify(new SQLException("x", "23505"))).isEqualTo("constraint");
		assertThat(DatabaseErrors.classify(new SQLException("x", "40001"))).isEqualTo("transaction");
		assertThat(DatabaseErrors.classify(new SQLException("x", "57014"))).isEqualTo("timeout");
		assertThat(DatabaseErrors.classify(new RuntimeException(new SQLException("x", "22003")))).isEqualTo("data");
		assertThat(DatabaseErrors.classify(new IllegalStateException("no"))).isEqualTo("other");
	}

}
