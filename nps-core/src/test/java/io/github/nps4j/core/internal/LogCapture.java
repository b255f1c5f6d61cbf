package io.github.nps4j.core.internal;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures the events of one logger (and its children) at DEBUG and above while open; the test binding is logback
 * (test scope only). Use with try-with-resources. In a non-exported package, so its signatures may use any type.
 */
public final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final Level previousLevel;
    private final boolean previousAdditive;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(String name) {
        this.logger = (Logger) LoggerFactory.getLogger(name);
        this.previousLevel = logger.getLevel();
        this.previousAdditive = logger.isAdditive();
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.DEBUG);
        logger.setAdditive(false);
    }

    /**
     * Starts capturing a logger.
     *
     * @param name the logger name, e.g. {@code io.github.nps4j.core.csv.PortfolioReader}
     * @return the capture
     */
    public static LogCapture of(String name) {
        return new LogCapture(name);
    }

    /**
     * Every message captured so far, at any level, prefixed with its level (e.g. {@code "WARN Skipped ..."}).
     *
     * @return the messages, oldest first
     */
    public List<String> all() {
        return appender.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }

    /**
     * The formatted messages at exactly one level.
     *
     * @param level the level
     * @return the messages, oldest first
     */
    public List<String> messages(org.slf4j.event.Level level) {
        return appender.list.stream().filter(e -> e.getLevel().toString().equals(level.name()))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    /**
     * The formatted messages above DEBUG (INFO, WARN, ERROR): what an operator sees by default.
     *
     * @return the messages, oldest first
     */
    public List<String> messagesAboveDebug() {
        return appender.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previousLevel);
        logger.setAdditive(previousAdditive);
        appender.stop();
    }
}
