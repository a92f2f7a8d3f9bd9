package dev.regtrain.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.regtrain.common.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Signatures and secrets as the Standard Webhooks specification defines them. */
class SignaturesTests {

    @Test
    void reproducesTheStandardWebhooksSpecificationsTestVector() {
        String signature = Signatures.sign(Secrets.key(Fixtures.SECRET), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aGeneratedSecretIsWhsecAndTheBase64OfThirtyTwoRandomBytes() {
        SecureRandom random = new SecureRandom();
        String one = Secrets.generate(random);
        String two = Secrets.generate(random);

        assertThat(one).startsWith("whsec_").isNotEqualTo(two);
        assertThat(Base64.getDecoder().decode(one.substring(6))).hasSize(32);
        assertThat(Secrets.key(one)).hasSize(32);
    }

    @Test
    void rejectsSecretsWithoutThePrefixNotBase64OrOfTheWrongLength() {
        String of23 = "whsec_" + Base64.getEncoder().encodeToString(new byte[23]);
        String of65 = "whsec_" + Base64.getEncoder().encodeToString(new byte[65]);

        assertThat(Secrets.key("whsec_" + Base64.getEncoder().encodeToString(new byte[24]))).hasSize(24);
        assertThat(Secrets.key("whsec_" + Base64.getEncoder().encodeToString(new byte[64]))).hasSize(64);
        for (String bad : new String[] {"MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_not base64!", of23, of65}) {
            assertThatThrownBy(() -> Secrets.key(bad)).isInstanceOf(InvalidRequestException.class)
                    .satisfies(e -> assertThat(((InvalidRequestException) e).errors().get(0).field())
                            .isEqualTo("secret"));
        }
    }
}
