/** The picocli command line: every {@code ./icrl} subcommand. */
package io.icrl.cli;
