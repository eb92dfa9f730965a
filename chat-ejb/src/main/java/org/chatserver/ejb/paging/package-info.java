/** Pages of lists (history, channels, members): the page size every list call accepts. */
package org.chatserver.ejb.paging;
