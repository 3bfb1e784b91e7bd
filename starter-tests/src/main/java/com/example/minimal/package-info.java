/**
 * A minimal service that uses the starter through its dependency alone.
 */
@NullMarked
package com.example.minimal;

import org.jspecify.annotations.NullMarked;
