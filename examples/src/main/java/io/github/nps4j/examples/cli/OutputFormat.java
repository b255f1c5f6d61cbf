package io.github.nps4j.examples.cli;

/** The {@code --format} of every command. */
enum OutputFormat {
    text, json, csv
}
