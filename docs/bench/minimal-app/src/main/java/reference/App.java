package reference;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The smallest Spring Boot web app with a health endpoint: what a start cannot beat here. */
@SpringBootApplication
@RestController
public class App {

  @GetMapping("/")
  String hello() {
    return "hello";
  }

  public static void main(String[] args) {
    SpringApplication.run(App.class, args);
  }
}
