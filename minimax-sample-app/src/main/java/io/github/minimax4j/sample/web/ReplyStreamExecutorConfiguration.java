package io.github.minimax4j.sample.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * What the streamed replies share: the slots that limit them ({@link StreamSlots}) and a few threads that write
 * their events to the browsers. A write to a browser blocks (servlet output), so it never runs on the MiniMax
 * client's I/O thread, whose stall would hold up every reply; a handful of threads serve every browser, one event
 * at a time each, so no reply holds a thread while MiniMax generates.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StreamProperties.class)
class ReplyStreamExecutorConfiguration {

    static final String EXECUTOR = "replyStreamExecutor";

    @Bean
    StreamSlots streamSlots(StreamProperties properties) {
        return new StreamSlots(properties.limit());
    }

    @Bean(EXECUTOR)
    ThreadPoolTaskExecutor replyStreamExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        // Unbounded, yet small: a reply has at most one write waiting (it asks MiniMax for its next event only
        // once the last one is written), plus its ending.
        executor.setQueueCapacity(Integer.MAX_VALUE);
        executor.setThreadNamePrefix("reply-writer-");
        // On shutdown, open streams are cut rather than holding the app up for minutes.
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }
}
