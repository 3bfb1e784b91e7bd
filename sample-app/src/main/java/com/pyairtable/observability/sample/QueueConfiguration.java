package com.pyairtable.observability.sample;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * {@code @Async} jobs ({@link RecordIndexer}) run on Spring Boot's application task
 * executor, whose depth and job outcomes the starter records.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class QueueConfiguration {

}
