import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Runs a Neo4j Community DBMS with Bolt on the loopback interface for the hub.
 *
 * Arguments: HOME_DIR PORT PAGECACHE_MB TX_LOG_RETENTION. PORT 0 picks a free port.
 * Prints "NEO4J_READY bolt://127.0.0.1:PORT" on stdout once Bolt accepts connections.
 * Shuts down when stdin reaches end-of-file: the parent process holds the other end of the pipe, so the
 * database stops with its parent however that parent ends (exit, Ctrl-C, crash, SIGKILL).
 */
public final class EmbeddedNeo4j {
  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: EmbeddedNeo4j HOME_DIR PORT PAGECACHE_MB TX_LOG_RETENTION");
      System.exit(2);
    }
    serve(Path.of(args[0]).toAbsolutePath(), Integer.parseInt(args[1]), Long.parseLong(args[2]), args[3]);
  }

  /**
   * Starts the DBMS on HOME_DIR, prints "NEO4J_READY bolt://127.0.0.1:PORT" and serves until stdin ends,
   * then shuts down and exits. Also called by StoreImport on the store it has just built.
   */
  static void serve(Path home, int port, long pageCacheMb, String txLogRetention) throws Exception {
    long pageCacheBytes = pageCacheMb * 1024L * 1024L;
    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
        .setConfig(HttpConnector.enabled, false)
        .setConfig(HttpsConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.auth_enabled, false)
        .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes)
        .setConfig(GraphDatabaseSettings.keep_logical_logs, txLogRetention)
        .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
        // The hub closes its connections before stopping us: do not wait the default seconds for stragglers.
        .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(2))
        .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
        .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
        .build();

    AtomicBoolean stopped = new AtomicBoolean(false);
    CountDownLatch done = new CountDownLatch(1);
    Runnable stop = () -> {
      if (stopped.compareAndSet(false, true)) {
        try {
          dbms.shutdown();
        } finally {
          done.countDown();
        }
      }
    };
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stop.run();
    }));

    GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    int boundPort = ((GraphDatabaseAPI) db).getDependencyResolver()
        .resolveDependency(ConnectorPortRegister.class)
        .getLocalAddress(ConnectorType.BOLT)
        .getPort();
    System.out.println("NEO4J_READY bolt://127.0.0.1:" + boundPort);
    System.out.flush();

    Thread watcher = new Thread(() -> {
      InputStream in = System.in;
      byte[] buf = new byte[256];
      try {
        while (in.read(buf) >= 0) {
          // The parent writes nothing; any bytes are ignored and only end-of-file matters.
        }
      } catch (IOException ignored) {
        // A broken pipe means the parent is gone, same as end-of-file.
      }
      stop.run();
      System.exit(0);
    }, "parent-watcher");
    watcher.setDaemon(true);
    watcher.start();
    done.await();
  }
}
