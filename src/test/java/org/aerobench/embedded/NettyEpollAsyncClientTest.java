package org.aerobench.embedded;

import com.aerospike.client.async.EventLoopType;
import com.aerospike.client.async.EventLoops;
import com.aerospike.client.async.EventPolicy;
import com.aerospike.client.async.NettyEventLoops;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import java.util.concurrent.TimeUnit;

class NettyEpollAsyncClientTest extends AsyncClientContract {

  private MultiThreadIoEventLoopGroup group;

  @Override
  EventLoops createEventLoops() {
    group = new MultiThreadIoEventLoopGroup(2, EpollIoHandler.newFactory());
    return new NettyEventLoops(new EventPolicy(), group, EventLoopType.NETTY_EPOLL);
  }

  @Override
  void closeEventLoops() {
    if (group != null) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5_000);
    }
  }
}
