package dev.samuel.plumbing.launch;

/** A child program for the launcher's tests: prints what it was given, then exits with the status in its first argument. */
public final class Echo {

    public static void main(String[] args) {
        System.out.println("args " + String.join(" ", args));
        System.out.println("property " + System.getProperty("echo.property"));
        System.out.println("env " + System.getenv("ECHO_ENV"));
        System.exit(Integer.parseInt(args[0]));
    }
}
