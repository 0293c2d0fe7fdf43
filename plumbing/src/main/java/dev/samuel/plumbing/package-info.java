/** The platform's plumbing, written once: following and ensuring topics, the registry client, the write token, launching brokers and services. */
package dev.samuel.plumbing;
