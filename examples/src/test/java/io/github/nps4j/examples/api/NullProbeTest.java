package io.github.nps4j.examples.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Calls every public static method, public constructor and public builder setter of the published packages with null
 * arguments, as a careless caller would, and requires a clear refusal: a {@link NullPointerException} or
 * {@link IllegalArgumentException} whose message names something (not the JDK's "Cannot invoke … because …" about the
 * library's internals, and not an empty message). Parameters annotated {@code @Nullable} are left alone.
 */
class NullProbeTest {
    private static final List<String> PACKAGES = List.of("io.github.nps4j.core", "io.github.nps4j.core.csv",
            "io.github.nps4j.core.stats", "io.github.nps4j.core.table", "io.github.nps4j.accountmap",
            "io.github.nps4j.accountmap.followup", "io.github.nps4j.accountmap.planner",
            "io.github.nps4j.accountmap.svg", "io.github.nps4j.drivers", "io.github.nps4j.synthetic",
            "io.github.nps4j.readout", "io.github.nps4j.core.compare", "io.github.nps4j.core.themes",
            "io.github.nps4j.readout.economics");

    @Test
    void everyPublicEntryPointNamesANullArgument() throws Exception {
        List<String> failures = new ArrayList<>();
        int probed = 0;
        for (Class<?> c : publicClasses()) {
            for (Executable e : entryPoints(c)) {
                if (!takesNonNullReference(e)) {
                    continue;
                }
                probed++;
                probe(e, null, failures);
            }
            for (Method builderFactory : c.getMethods()) {
                if (Modifier.isStatic(builderFactory.getModifiers()) && builderFactory.getName().equals("builder")
                        && builderFactory.getParameterCount() == 0) {
                    Object builder = builderFactory.invoke(null);
                    for (Method setter : builder.getClass().getMethods()) {
                        if (setter.getDeclaringClass() == builder.getClass() && setter.getParameterCount() >= 1
                                && takesNonNullReference(setter) && !setter.isVarArgs()) {
                            probed++;
                            probe(setter, builderFactory.invoke(null), failures);
                        }
                    }
                }
            }
        }
        assertTrue(probed > 150, "probed only " + probed + " entry points");
        assertTrue(failures.isEmpty(), failures.size() + " of " + probed + " entry points do not name a null "
                + "argument:\n" + String.join("\n", failures));
    }

    private static void probe(Executable e, @Nullable Object target, List<String> failures) {
        Object[] args = new Object[e.getParameterCount()];
        Class<?>[] types = e.getParameterTypes();
        for (int i = 0; i < args.length; i++) {
            args[i] = defaultValue(types[i]);
        }
        try {
            if (e instanceof Method m) {
                m.invoke(target, args);
            } else {
                ((Constructor<?>) e).newInstance(args);
            }
            failures.add(describe(e) + ": accepted null");
        } catch (InvocationTargetException ex) {
            Throwable t = ex.getCause();
            String msg = t.getMessage();
            boolean clear = (t instanceof NullPointerException || t instanceof IllegalArgumentException)
                    && msg != null && !msg.isBlank() && !msg.contains("Cannot invoke")
                    && !msg.contains("because") && !msg.contains("Cannot read") && !msg.contains("Cannot load");
            if (!clear) {
                failures.add(describe(e) + ": " + t.getClass().getSimpleName() + ": " + msg);
            }
        } catch (ReflectiveOperationException ex) {
            failures.add(describe(e) + ": " + ex);
        }
    }

    private static @Nullable Object defaultValue(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return 'x';
        }
        if (type == double.class) {
            return 1.0;
        }
        if (type == float.class) {
            return 1.0f;
        }
        if (type == long.class) {
            return 1L;
        }
        if (type == short.class) {
            return (short) 1;
        }
        if (type == byte.class) {
            return (byte) 1;
        }
        return 1;
    }

    private static boolean takesNonNullReference(Executable e) {
        for (Parameter p : e.getParameters()) {
            if (!p.getType().isPrimitive() && !p.isAnnotationPresent(Nullable.class)
                    && p.getAnnotatedType().getAnnotation(Nullable.class) == null) {
                return true;
            }
        }
        return false;
    }

    private static List<Executable> entryPoints(Class<?> c) {
        List<Executable> out = new ArrayList<>();
        if (!c.isEnum() && !Modifier.isAbstract(c.getModifiers()) && !Throwable.class.isAssignableFrom(c)) {
            out.addAll(List.of(c.getConstructors()));
        }
        for (Method m : c.getDeclaredMethods()) {
            int mod = m.getModifiers();
            if (Modifier.isPublic(mod) && Modifier.isStatic(mod) && !m.isSynthetic()
                    && !(c.isEnum() && m.getName().equals("valueOf"))) {
                out.add(m);
            }
        }
        return out;
    }

    private static String describe(Executable e) {
        return e.getDeclaringClass().getName() + "." + e.getName() + "(" + Stream.of(e.getParameterTypes())
                .map(Class::getSimpleName).reduce((a, b) -> a + ", " + b).orElse("") + ")";
    }

    private static TreeSet<Class<?>> publicClasses() throws IOException, URISyntaxException,
            ClassNotFoundException {
        TreeSet<Class<?>> out = new TreeSet<>(java.util.Comparator.comparing(Class::getName));
        ClassLoader loader = NullProbeTest.class.getClassLoader();
        for (String pkg : PACKAGES) {
            String path = pkg.replace('.', '/');
            Enumeration<URL> urls = loader.getResources(path);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                List<String> names = new ArrayList<>();
                if (url.getProtocol().equals("jar")) {
                    String file = url.getPath().substring("file:".length(), url.getPath().indexOf('!'));
                    try (JarFile jar = new JarFile(java.net.URLDecoder.decode(file, "UTF-8"))) {
                        jar.stream().map(java.util.jar.JarEntry::getName)
                                .filter(n -> n.startsWith(path + "/") && n.indexOf('/', path.length() + 1) < 0)
                                .forEach(names::add);
                    }
                } else {
                    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                        files.map(f -> path + "/" + f.getFileName()).forEach(names::add);
                    }
                }
                for (String n : names) {
                    if (n.endsWith(".class") && !n.contains("package-info") && !n.contains("module-info")) {
                        Class<?> c = Class.forName(n.substring(0, n.length() - 6).replace('/', '.'), false, loader);
                        if (Modifier.isPublic(c.getModifiers())) {
                            out.add(c);
                        }
                    }
                }
            }
        }
        return out;
    }
}
