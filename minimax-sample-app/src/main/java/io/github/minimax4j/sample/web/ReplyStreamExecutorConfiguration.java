package io.github.minimax4j.sample.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads that relay MiniMax streams to browsers. Its own bounded pool, not Boot's shared
 * {@code applicationTaskExecutor} (8 threads and an unbounded queue): there a ninth stream would wait
 * silently behind the others, here it is refused with 503 and a reason.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StreamProperties.class)
class ReplyStreamExecutorConfiguration {

    static final String EXECUTOR = "replyStreamExecutor";

    @Bean(EXECUTOR)
    ThreadPoolTaskExecutor replyStreamExecutor(StreamProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(properties.maxConcurrent());
        executor.setMaxPoolSize(properties.maxConcurrent());
        executor.setQueueCapacity(0);
        executor.setAllowCoreThreadTimeOut(true);
        executor.setThreadNamePrefix("reply-stream-");
        // On shutdown, open streams are cut rather than holding the app up for minutes.
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }
}
