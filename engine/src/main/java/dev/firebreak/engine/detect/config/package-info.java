/** Everything detection is tuned by, and its YAML loader (errors name file, line and field). */
package dev.firebreak.engine.detect.config;
