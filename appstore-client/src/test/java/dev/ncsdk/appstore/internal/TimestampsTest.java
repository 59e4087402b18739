package dev.ncsdk.appstore.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2016-10-06T14:01:05.643813Z      | 2016-10-06T14:01:05.643813Z",
                "2016-10-06T14:01:05Z             | 2016-10-06T14:01:05Z",
                "2016-10-06T14:01:05.5+00:00      | 2016-10-06T14:01:05.500Z",
                "2024-02-29T23:59:59.123456789Z   | 2024-02-29T23:59:59.123456789Z",
                "1999-12-31T23:00:00+02:00        | 1999-12-31T21:00:00Z",
                "2016-10-06T14:01:05.1234567891Z  | 2016-10-06T14:01:05.123456789Z",
            })
    void readsTheStoresTimestampsLikeJavaTime(String text, String expected) {
        assertThat(Timestamps.parse(text.trim())).isEqualTo(Instant.parse(expected.trim()));
    }

    @ParameterizedTest
    @CsvSource({"''", "not a date", "2016-13-06T14:01:05Z", "2016-10-06 14:01:05", "2016-10-06T25:01:05Z"})
    void unreadableTimestampsAreAbsent(String text) {
        assertThat(Timestamps.parse(text)).isNull();
    }
}
