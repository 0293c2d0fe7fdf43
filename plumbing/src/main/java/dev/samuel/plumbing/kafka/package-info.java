/**
 * Kafka plumbing every service shares: following topics from their beginning ({@link
 * dev.samuel.plumbing.kafka.TopicFollower}, {@link dev.samuel.plumbing.kafka.RegistryFollower}, {@link
 * dev.samuel.plumbing.kafka.TopicReader}) and creating topics from the table of topic settings ({@link
 * dev.samuel.plumbing.kafka.TopicEnsurer}).
 */
package dev.samuel.plumbing.kafka;
