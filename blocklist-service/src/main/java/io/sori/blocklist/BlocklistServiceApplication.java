package io.sori.blocklist;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class BlocklistServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(BlocklistServiceApplication.class, args);
    }
}
