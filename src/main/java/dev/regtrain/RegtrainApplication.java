package dev.regtrain;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RegtrainApplication {

    public static void main(String[] args) {
        SpringApplication.run(RegtrainApplication.class, args);
    }
}
