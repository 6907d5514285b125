/** The console's own Prometheus metrics (API.md § Metrics), refreshed on every scrape of /actuator/prometheus. */
package dev.tlsconsole.metrics;
