package org.chatserver.bench.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.util.AttributeKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Opens WebSocket connections on one shared Netty event-loop group (a fixed, small number of threads whatever the
 * number of sockets). Each connection is bound to the given loopback source address, so that more connections than
 * one address's ephemeral ports can be opened. Heartbeat {@code ping}s are scheduled on the connection's own event
 * loop. Thread-safe.
 */
public final class WsConnector implements AutoCloseable {

    private static final int MAX_FRAME = 1 << 20;
    private static final String PING = "{\"op\":\"ping\"}";
    private static final AttributeKey<WsConnection> CONNECTION = AttributeKey.valueOf("bench.connection");

    private final NioEventLoopGroup group;
    private final long heartbeatMillis;

    /**
     * @param ioThreads       event-loop threads
     * @param heartbeatMillis interval of {@code ping} frames (PROTOCOL.md: the {@code hello}'s heartbeat_ms)
     */
    public WsConnector(int ioThreads, long heartbeatMillis) {
        this.group = new NioEventLoopGroup(ioThreads);
        this.heartbeatMillis = heartbeatMillis;
    }

    /**
     * Connects and performs the upgrade.
     *
     * @param uri           the {@code ws://} URI with its ticket
     * @param sourceAddress the loopback address to bind the socket to
     * @param listener      receives frames and the close
     * @return completes with the connection once the upgrade succeeded, or exceptionally
     */
    public CompletableFuture<WsConnection> connect(URI uri, InetAddress sourceAddress, FrameListener listener) {
        CompletableFuture<WsConnection> upgraded = new CompletableFuture<>();
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri).version(WebSocketVersion.V13).allowExtensions(false)
                .customHeaders(EmptyHttpHeaders.INSTANCE).maxFramePayloadLength(MAX_FRAME)
                .handleCloseFrames(false).dropPongFrames(true).handshakeTimeoutMillis(15_000).build();
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.attr(CONNECTION).set(new WsConnection(ch, listener));
                        ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_FRAME),
                                new WebSocketClientProtocolHandler(config), new WebSocketFrameAggregator(MAX_FRAME),
                                new FrameHandler(upgraded));
                    }
                });
        bootstrap.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), new InetSocketAddress(sourceAddress, 0))
                .addListener(f -> {
                    if (!f.isSuccess()) {
                        upgraded.completeExceptionally(f.cause());
                    }
                });
        return upgraded;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Routes a connection's frames to its listener and tracks the upgrade. Not shared between connections. */
    private final class FrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
        private final CompletableFuture<WsConnection> upgraded;

        FrameHandler(CompletableFuture<WsConnection> upgraded) {
            this.upgraded = upgraded;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                Channel ch = ctx.channel();
                ch.eventLoop().scheduleAtFixedRate(() -> {
                    if (ch.isActive()) {
                        ch.writeAndFlush(new TextWebSocketFrame(PING), ch.voidPromise());
                    }
                }, heartbeatMillis, heartbeatMillis, TimeUnit.MILLISECONDS);
                upgraded.complete(ch.attr(CONNECTION).get());
            } else if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
                upgraded.completeExceptionally(new IllegalStateException("WebSocket upgrade timed out"));
                ctx.close();
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            long now = System.nanoTime();
            WsConnection connection = ctx.channel().attr(CONNECTION).get();
            if (frame instanceof TextWebSocketFrame text) {
                connection.listener().onText(connection, text.text(), now);
            } else if (frame instanceof CloseWebSocketFrame close) {
                connection.reportClosed(close.statusCode());
                ctx.writeAndFlush(new CloseWebSocketFrame(close.statusCode(), "")).addListener(f -> ctx.close());
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            upgraded.completeExceptionally(new IllegalStateException("closed before the upgrade completed"));
            ctx.channel().attr(CONNECTION).get().reportClosed(-1);
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            upgraded.completeExceptionally(cause);
            ctx.close();
        }
    }
}
