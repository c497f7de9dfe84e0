import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
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
 * Arguments: HOME_DIR PORT PAGECACHE_MB TX_LOG_RETENTION PASSWORD_FILE. PORT 0 picks a free port.
 * Authentication is on: the user "neo4j" gets the password held in PASSWORD_FILE (the file is named on the
 * command line, never the password). Prints "NEO4J_READY bolt://127.0.0.1:PORT" on stdout once Bolt accepts
 * connections.
 * Shuts down when stdin reaches end-of-file: the parent process holds the other end of the pipe, so the
 * database stops with its parent however that parent ends (exit, Ctrl-C, crash, SIGKILL).
 */
public final class EmbeddedNeo4j {
  // The lines the hub reads on this process's output (src/db/embedded/protocol.ts holds the same three words).
  /** Printed with the Bolt URI once the database accepts connections. */
  static final String READY = "NEO4J_READY";
  /** Printed by StoreImport once the new store is in place. */
  static final String STORE_IMPORTED = "STORE_IMPORTED";
  /** Printed by StoreImport (exit 3) when a running database holds the store. */
  static final String STORE_IN_USE = "STORE_IN_USE";
  public static void main(String[] args) throws Exception {
    if (args.length < 5) {
      System.err.println("usage: EmbeddedNeo4j HOME_DIR PORT PAGECACHE_MB TX_LOG_RETENTION PASSWORD_FILE");
      System.exit(2);
    }
    serve(Path.of(args[0]).toAbsolutePath(), Integer.parseInt(args[1]), Long.parseLong(args[2]), args[3], Path.of(args[4]));
  }

  private static DatabaseManagementServiceBuilder builder(Path home, int port, long pageCacheMb, String txLogRetention, boolean bolt) {
    return new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, bolt)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
        .setConfig(HttpConnector.enabled, false)
        .setConfig(HttpsConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.auth_enabled, true)
        .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheMb * 1024L * 1024L)
        .setConfig(GraphDatabaseSettings.keep_logical_logs, txLogRetention)
        .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
        // The hub closes its connections before stopping us: do not wait the default seconds for stragglers.
        .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(2))
        .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
        .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1));
  }

  /**
   * Sets the password of "neo4j" (no change required). Returns false when it already was that password,
   * which Neo4j refuses to set again.
   */
  private static boolean setPassword(DatabaseManagementService dbms, String password) {
    try {
      dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
          .executeTransactionally("ALTER USER neo4j SET PASSWORD $p CHANGE NOT REQUIRED", Map.of("p", password));
      return true;
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        String message = t.getMessage();
        if (message != null && message.contains("cannot be the same")) return false;
      }
      throw e;
    }
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Makes sure the system database holds PASSWORD for "neo4j" before Bolt opens. A marker (a digest of the
   * password) remembers that it was set; without it, or when the password changed, a DBMS without Bolt sets
   * it first, so no client ever meets the default password "neo4j" of a new store or the open door of a store
   * that ran without authentication.
   */
  private static void ensurePassword(Path home, int port, long pageCacheMb, String txLogRetention, String password) throws Exception {
    Path marker = home.resolve("data").resolve("dbms").resolve("coop-hub-password.sha256");
    String digest = sha256(password);
    if (Files.exists(marker) && Files.readString(marker).trim().equals(digest)) return;
    DatabaseManagementService setup = builder(home, port, pageCacheMb, txLogRetention, false).build();
    try {
      setPassword(setup, password);
    } finally {
      setup.shutdown();
    }
    Files.createDirectories(marker.getParent());
    Path staging = marker.resolveSibling(marker.getFileName() + ".tmp");
    Files.writeString(staging, digest + "\n");
    Files.move(staging, marker, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Starts the DBMS on HOME_DIR with authentication on and the password of PASSWORD_FILE, prints
   * "NEO4J_READY bolt://127.0.0.1:PORT" and serves until stdin ends, then shuts down and exits. Also called
   * by StoreImport on the store it has just built.
   */
  static void serve(Path home, int port, long pageCacheMb, String txLogRetention, Path passwordFile) throws Exception {
    String password = Files.readString(passwordFile, StandardCharsets.UTF_8).trim();
    if (password.length() < 8) {
      System.err.println("The password in " + passwordFile + " is shorter than 8 characters, which Neo4j refuses");
      System.exit(2);
    }
    ensurePassword(home, port, pageCacheMb, txLogRetention, password);
    DatabaseManagementService dbms = builder(home, port, pageCacheMb, txLogRetention, true).build();

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

    // The marker may have outlived a replaced system database: setting the password again is cheap.
    setPassword(dbms, password);
    GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    int boundPort = ((GraphDatabaseAPI) db).getDependencyResolver()
        .resolveDependency(ConnectorPortRegister.class)
        .getLocalAddress(ConnectorType.BOLT)
        .getPort();
    System.out.println(READY + " bolt://127.0.0.1:" + boundPort);
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
