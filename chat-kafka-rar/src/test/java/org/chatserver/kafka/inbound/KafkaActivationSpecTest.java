package org.chatserver.kafka.inbound;

import jakarta.resource.spi.InvalidPropertyException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaActivationSpecTest {

    @Test
    void acceptsTheRequiredPropertiesWithDefaultsForTheRest() {
        KafkaActivationSpec spec = valid();

        assertDoesNotThrow(spec::validate);
        assertEquals("earliest", spec.getAutoOffsetReset());
        assertEquals(500, spec.getMaxPollRecords());
        assertEquals(1, spec.getConsumers());
        assertEquals(new RetryBackoff(Duration.ofMillis(200), Duration.ofMillis(30_000)), spec.retryBackoff());
        assertEquals(Duration.ofMillis(500), spec.pollTimeout());
        assertEquals(Duration.ofSeconds(1), spec.commitInterval());
    }

    @Test
    void namesEveryMissingRequiredProperty() {
        InvalidPropertyException e = assertThrows(InvalidPropertyException.class, new KafkaActivationSpec()::validate);

        assertTrue(e.getMessage().contains("bootstrapServers"), e.getMessage());
        assertTrue(e.getMessage().contains("groupId"), e.getMessage());
        assertTrue(e.getMessage().contains("topics"), e.getMessage());
    }

    @Test
    void rejectsInvalidValues() {
        KafkaActivationSpec blankTopics = valid();
        blankTopics.setTopics(" , ");
        KafkaActivationSpec badReset = valid();
        badReset.setAutoOffsetReset("beginning");
        KafkaActivationSpec zeroPoll = valid();
        zeroPoll.setPollTimeoutMs(0);
        KafkaActivationSpec inverted = valid();
        inverted.setRetryBackoffMs(1_000);
        inverted.setRetryBackoffMaxMs(500);
        KafkaActivationSpec noConsumers = valid();
        noConsumers.setConsumers(0);
        KafkaActivationSpec negativeCommitInterval = valid();
        negativeCommitInterval.setCommitIntervalMs(-1);

        for (KafkaActivationSpec spec : List.of(blankTopics, badReset, zeroPoll, inverted, noConsumers,
                negativeCommitInterval)) {
            assertThrows(InvalidPropertyException.class, spec::validate);
        }
    }

    @Test
    void splitsAndTrimsTopics() {
        KafkaActivationSpec spec = valid();
        spec.setTopics(" chat.messages, ,chat.receipts ");

        assertEquals(List.of("chat.messages", "chat.receipts"), spec.topicList());
    }

    @Test
    void configuresAConsumerThatNeverCommitsOnItsOwn() {
        KafkaActivationSpec spec = valid();
        spec.setClientId("fanout-1");
        spec.setMaxPollRecords(50);

        Map<String, Object> config = spec.consumerConfig(0);

        assertEquals(false, config.get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG));
        assertEquals("localhost:9092", config.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG));
        assertEquals("fanout", config.get(ConsumerConfig.GROUP_ID_CONFIG));
        assertEquals("fanout-1", config.get(ConsumerConfig.CLIENT_ID_CONFIG));
        assertEquals("earliest", config.get(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG));
        assertEquals(50, config.get(ConsumerConfig.MAX_POLL_RECORDS_CONFIG));
    }

    @Test
    void leavesTheClientIdToKafkaWhenBlank() {
        KafkaActivationSpec spec = valid();
        spec.setClientId(" ");

        assertFalse(spec.consumerConfig(0).containsKey(ConsumerConfig.CLIENT_ID_CONFIG));
    }

    @Test
    void givesEachOfSeveralConsumersItsOwnClientIdInTheSameGroup() {
        KafkaActivationSpec spec = valid();
        spec.setClientId("fanout");
        spec.setConsumers(3);

        assertEquals("fanout-2", spec.consumerConfig(2).get(ConsumerConfig.CLIENT_ID_CONFIG));
        assertEquals("fanout", spec.consumerConfig(2).get(ConsumerConfig.GROUP_ID_CONFIG));
        assertEquals("fanout-0", spec.consumerConfig(0).get(ConsumerConfig.CLIENT_ID_CONFIG));
    }

    private static KafkaActivationSpec valid() {
        KafkaActivationSpec spec = new KafkaActivationSpec();
        spec.setBootstrapServers("localhost:9092");
        spec.setTopics("chat.messages");
        spec.setGroupId("fanout");
        return spec;
    }
}
