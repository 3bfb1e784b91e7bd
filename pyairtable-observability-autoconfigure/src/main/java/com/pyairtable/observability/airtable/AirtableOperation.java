package com.pyairtable.observability.airtable;

import java.util.Locale;

/**
 * What an Airtable API call does, from its method and path.
 */
public enum AirtableOperation {

	/** GET on a table, or POST on {@code listRecords}. */
	LIST,
	/** GET on a record. */
	GET,
	/** POST on a table. */
	CREATE,
	/** PATCH. */
	UPDATE,
	/** PUT. */
	REPLACE,
	/** DELETE. */
	DELETE,
	/** Anything below {@code /v0/meta/}. */
	META,
	/** Anything else. */
	OTHER;

	private final String tagValue = name().toLowerCase(Locale.ROOT);

	/**
	 * The value of the {@code operation} tag.
	 * @return the lower-case name
	 */
	public String tagValue() {
		return this.tagValue;
	}

}
