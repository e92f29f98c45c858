/** What the engine's configuration files share: how a file that cannot be used is reported. */
package dev.firebreak.engine.config;
