/**
 * What a run leaves behind: progress lines while it runs, the one-line summary, the full result as JSON, a PNG chart
 * (XChart), and {@code docs/performance.md} rendered from a folder of results.
 */
package org.chatserver.bench.report;
