package com.pyairtable.observability.health;

/**
 * Marks a health contributor that answers in constant time from state already held in
 * memory: it is called directly, never through the time-bounded executor.
 */
public interface NonBlockingHealthContributor {

}
