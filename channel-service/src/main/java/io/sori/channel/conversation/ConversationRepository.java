package io.sori.channel.conversation;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;

public interface ConversationRepository extends ReactiveCrudRepository<Conversation, String> {
}
