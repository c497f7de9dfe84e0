import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.neo4j.cli.AdminTool;
import org.neo4j.cli.ExecutionContext;

/**
 * Replaces the default database of a stopped embedded DBMS with a store built by Neo4j's offline importer,
 * then serves it.
 *
 * Arguments: HOME_DIR STAGING_NAME PORT PAGECACHE_MB TX_LOG_RETENTION PASSWORD_FILE IMPORT_OPTIONS... The importer writes
 * database STAGING_NAME under HOME_DIR; only when it succeeds are the store and transaction folders of "neo4j"
 * swapped for it, so a failed import leaves the previous graph in place. Refuses (exit 3, "STORE_IN_USE" on
 * stderr) while a DBMS holds the store. Prints "STORE_IMPORTED" on stdout once the new store is in place, then
 * runs the DBMS on it in this JVM as EmbeddedNeo4j does (PORT, PAGECACHE_MB, TX_LOG_RETENTION, PASSWORD_FILE
 * are its arguments): the importer has already loaded much of what the DBMS needs, so it starts a second sooner than
 * in a JVM of its own.
 */
public final class StoreImport {
  private static final String TARGET = "neo4j";

  public static void main(String[] args) throws Exception {
    if (args.length < 7) {
      System.err.println("usage: StoreImport HOME_DIR STAGING_NAME PORT PAGECACHE_MB TX_LOG_RETENTION PASSWORD_FILE IMPORT_OPTIONS...");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    String staging = args[1];
    int port = Integer.parseInt(args[2]);
    long pageCacheMb = Long.parseLong(args[3]);
    String txLogRetention = args[4];
    Path passwordFile = Path.of(args[5]);
    Path data = home.resolve("data");
    Path lockFile = data.resolve("databases").resolve("store_lock");
    Files.createDirectories(lockFile.getParent());
    // Checked before the long import, and held again for the swap: a DBMS started meanwhile must not lose its store.
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock lock = tryLock(channel);
      if (lock == null) inUse(home);
      lock.release();
    }

    Path conf = Files.createTempDirectory("coop-hub-import-conf");
    Files.writeString(conf.resolve("neo4j.conf"), "");
    List<String> command = new ArrayList<>(List.of("database", "import", "full"));
    for (int i = 6; i < args.length; i++) command.add(args[i]);
    command.add("--overwrite-destination=true");
    command.add(staging);
    int code;
    try {
      code = AdminTool.execute(new ExecutionContext(home, conf), command.toArray(String[]::new));
    } finally {
      deleteTree(conf);
    }
    if (code != 0) {
      deleteStore(data, staging);
      System.exit(code);
    }

    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock lock = tryLock(channel);
      if (lock == null) {
        deleteStore(data, staging);
        inUse(home);
      }
      try {
        for (String folder : List.of("databases", "transactions")) {
          Path target = data.resolve(folder).resolve(TARGET);
          Path replaced = data.resolve(folder).resolve(TARGET + ".replaced");
          deleteTree(replaced);
          if (Files.exists(target)) Files.move(target, replaced);
          Files.move(data.resolve(folder).resolve(staging), target);
        }
        deleteStore(data, TARGET + ".replaced");
      } finally {
        lock.release();
      }
    }
    System.out.println(EmbeddedNeo4j.STORE_IMPORTED);
    System.out.flush();
    EmbeddedNeo4j.serve(home, port, pageCacheMb, txLogRetention, passwordFile);
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      return null;
    }
  }

  private static void inUse(Path home) {
    System.err.println(EmbeddedNeo4j.STORE_IN_USE + ": a running Neo4j holds the store in " + home + "; stop it (the hub, `npm run neo4j`) first");
    System.exit(3);
  }

  private static void deleteStore(Path data, String name) throws IOException {
    deleteTree(data.resolve("databases").resolve(name));
    deleteTree(data.resolve("transactions").resolve(name));
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) return;
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
