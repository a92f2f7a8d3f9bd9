package dev.regtrain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OwnerTests {

    @ParameterizedTest
    @ValueSource(strings = {"", "team a", "team/a", "équipe", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void refusesANameOutsideTheAlphabetOrLength(String name) {
        assertThatThrownBy(() -> new Owner(name)).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("owner"));
    }

    @Test
    void acceptsSixtyFourCharactersOfTheAlphabetAndComparesExactly() {
        assertThat(new Owner("a".repeat(64)).name()).hasSize(64);
        assertThat(new Owner("Team-A.1_x")).isEqualTo(new Owner("Team-A.1_x")).isNotEqualTo(new Owner("team-a.1_x"));
    }

    @Test
    void aCallerSeesItsOwnResourcesAndAnAdminSeesEveryOwners() {
        Caller teamA = new Caller(new Owner("team-a"), false);
        assertThat(teamA.sees(new Owner("team-a"))).isTrue();
        assertThat(teamA.sees(new Owner("team-b"))).isFalse();
        assertThat(new Caller(new Owner("ops"), true).sees(new Owner("team-b"))).isTrue();
        assertThat(Owner.storedOrAnonymous(null)).isEqualTo(Owner.ANONYMOUS);
    }
}
