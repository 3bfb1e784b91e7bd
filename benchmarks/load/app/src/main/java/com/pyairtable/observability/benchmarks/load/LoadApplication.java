package com.pyairtable.observability.benchmarks.load;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service every variant shares: one trivial JSON endpoint.
 * <p>
 * With {@code -Dstartup.steps=N} it records up to N startup steps, writes them to
 * {@code -Dstartup.steps.file} (default {@code startup-steps.tsv}) once started, and
 * exits: {@code benchmarks/load/startup_steps.py} aggregates the files.
 */
@SpringBootApplication
@RestController
public class LoadApplication {

	@GetMapping("/api/items/{id}")
	Item item(@PathVariable long id) {
		return new Item(id, "item-" + id, List.of("a", "b", "c"), Instant.ofEpochSecond(1_700_000_000L + id));
	}

	public static void main(String[] args) throws IOException {
		String steps = System.getProperty("startup.steps");
		if (steps == null) {
			SpringApplication.run(LoadApplication.class, args);
			return;
		}
		SpringApplication application = new SpringApplication(LoadApplication.class);
		BufferingApplicationStartup startup = new BufferingApplicationStartup(Integer.parseInt(steps));
		application.setApplicationStartup(startup);
		ConfigurableApplicationContext context = application.run(args);
		// Read before anything else runs, so both figures are those at "Started".
		long uptimeMillis = ManagementFactory.getRuntimeMXBean().getUptime();
		long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
		writeSteps(startup.getBufferedTimeline().getEvents(), context.getBeanFactory(),
				Path.of(System.getProperty("startup.steps.file", "startup-steps.tsv")), uptimeMillis, classes);
		System.exit(SpringApplication.exit(context));
	}

	/**
	 * One line per step: id, parent id, name, duration in nanoseconds, tags, and for a
	 * bean the class that declares it (the configuration class of its factory method,
	 * else its own class), so that the aggregation can tell the starter's beans from
	 * Boot's.
	 */
	private static void writeSteps(List<TimelineEvent> events, ConfigurableListableBeanFactory beanFactory, Path file,
			long uptimeMillis, long classes) throws IOException {
		try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
			out.println("#uptime_ms\t" + uptimeMillis + "\tclasses\t" + classes);
			for (TimelineEvent event : events) {
				StartupStep step = event.getStartupStep();
				Map<String, String> tags = new HashMap<>();
				StringJoiner tagText = new StringJoiner(";");
				for (StartupStep.Tag tag : step.getTags()) {
					tags.put(tag.getKey(), tag.getValue());
					tagText.add(tag.getKey() + "=" + tag.getValue().replaceAll("[\t\n;]", " "));
				}
				String origin = "";
				String beanName = tags.get("beanName");
				if (beanName != null) {
					origin = declaringClass(beanFactory, beanName);
				}
				out.println(step.getId() + "\t" + step.getParentId() + "\t" + step.getName() + "\t"
						+ event.getDuration().toNanos() + "\t" + tagText + "\t" + origin);
			}
		}
	}

	private static String declaringClass(ConfigurableListableBeanFactory beanFactory, String beanName) {
		try {
			if (beanFactory.containsBeanDefinition(beanName)) {
				BeanDefinition definition = beanFactory.getBeanDefinition(beanName);
				if (definition instanceof AnnotatedBeanDefinition annotated
						&& annotated.getFactoryMethodMetadata() != null) {
					return annotated.getFactoryMethodMetadata().getDeclaringClassName();
				}
				if (definition.getBeanClassName() != null) {
					return definition.getBeanClassName();
				}
			}
			Class<?> type = beanFactory.getType(beanName, false);
			return (type != null) ? type.getName() : "";
		}
		catch (RuntimeException ex) {
			return "";
		}
	}

	record Item(long id, String name, List<String> tags, Instant updated) {
	}

}
