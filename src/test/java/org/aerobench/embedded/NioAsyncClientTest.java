package org.aerobench.embedded;

import com.aerospike.client.async.EventLoops;
import com.aerospike.client.async.EventPolicy;
import com.aerospike.client.async.NioEventLoops;

class NioAsyncClientTest extends AsyncClientContract {

  private NioEventLoops loops;

  @Override
  EventLoops createEventLoops() {
    loops = new NioEventLoops(new EventPolicy(), 2);
    return loops;
  }

  @Override
  void closeEventLoops() {
    if (loops != null) {
      loops.close();
    }
  }
}
