package io.sori.channel.delivery;

import reactor.core.publisher.Mono;

/** Sends a text message to a phone (the outside world: an SMS gateway). */
public interface SmsSender {

    record Sms(String smsId, String phoneNumber, String text) {
    }

    Mono<Void> send(Sms sms);
}
