/** The typed configuration of the chat server: every MicroProfile Config key in one place. */
package org.chatserver.ejb.config;
