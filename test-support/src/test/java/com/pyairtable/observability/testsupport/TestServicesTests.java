package com.pyairtable.observability.testsupport;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Each service answers as the data-layer tests expect it to, whichever mode chose it.
 */
@Tag(TestServices.TAG)
class TestServicesTests {

	@Test
	void postgresHasTheTestDatabaseForUserPostgresWithoutAPassword() throws Exception {
		TestServices.Postgres postgres = TestServices.postgres();
		try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), "");
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("select current_database(), current_user")) {
			assertThat(result.next()).isTrue();
			assertThat(result.getString(1)).isEqualTo("test");
			assertThat(result.getString(2)).isEqualTo("postgres");
		}
		assertThat(postgres.propertyValues()).containsExactly("spring.datasource.url=" + postgres.jdbcUrl(),
				"spring.datasource.username=postgres");
	}

	@Test
	void redisAnswersCommands() {
		TestServices.Redis redis = TestServices.redis();
		RedisClient client = RedisClient.create(RedisURI.create(redis.host(), redis.port()));
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().set("test-services", "up");
			assertThat(connection.sync().get("test-services")).isEqualTo("up");
		}
		finally {
			client.shutdown();
		}
	}

	@Test
	void amqpBrokerRoutesAMessageThroughTheDefaultExchangeOfTheDefaultVirtualHost() throws Exception {
		TestServices.Amqp amqp = TestServices.amqp();
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost(amqp.host());
		factory.setPort(amqp.port());
		factory.setUsername(amqp.username());
		factory.setPassword(amqp.password());
		try (com.rabbitmq.client.Connection connection = factory.newConnection();
				Channel channel = connection.createChannel()) {
			String queue = channel.queueDeclare().getQueue();
			BlockingQueue<String> received = new ArrayBlockingQueue<>(1);
			channel.basicConsume(queue, true,
					(tag, delivery) -> received.add(new String(delivery.getBody(), StandardCharsets.UTF_8)), (tag) -> {
					});
			channel.basicPublish("", queue, null, "hello".getBytes(StandardCharsets.UTF_8));
			assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("hello");
			assertThat(connection.getServerProperties()).containsKey("version");
		}
	}

	@Test
	void failsNamingTheAllowedModesWhenTheModeIsUnknown() {
		String before = System.getProperty(TestServices.MODE_PROPERTY);
		System.setProperty(TestServices.MODE_PROPERTY, "docker");
		try {
			assertThatIllegalArgumentException().isThrownBy(TestServices::mode)
				.withMessageContaining("-Dservices was 'docker' but must be 'embedded'")
				.withMessageContaining("'loopback'");
		}
		finally {
			if (before == null) {
				System.clearProperty(TestServices.MODE_PROPERTY);
			}
			else {
				System.setProperty(TestServices.MODE_PROPERTY, before);
			}
		}
	}

}
