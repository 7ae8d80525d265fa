package io.github.minimax4j.test.example;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A user's app as it would be written: a web app whose controller calls MiniMax through the starter. */
@SpringBootApplication
public class AssistantApplication {
}
