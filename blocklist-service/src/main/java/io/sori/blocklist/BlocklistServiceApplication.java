package io.sori.blocklist;

import io.sori.blocklist.protection.BlocklistSettings;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

@SpringBootApplication
@EnableConfigurationProperties(BlocklistSettings.class)
public class BlocklistServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(BlocklistServiceApplication.class, args);
    }
}
