/** The recent past of detection for the console's charts: per series its bands, scores and explained markers. */
package dev.firebreak.engine.detect.history;
