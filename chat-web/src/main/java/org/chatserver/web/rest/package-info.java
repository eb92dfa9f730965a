/** The JAX-RS application: its root ({@code /api/v1}), its authentication method and its JSON conventions. */
package org.chatserver.web.rest;
