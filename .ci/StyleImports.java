import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts each Java file's imports the way Spring's checks want them, for .ci/style-fix (the
 * formatter leaves imports alone): unused ones removed, then java, javax, others,
 * org.springframework and static imports, each group sorted and one blank line apart.
 * JDK only, run as a source file: java .ci/StyleImports.java FILE...
 */
public class StyleImports {

	private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+?)(\\.\\*)?;\\s*$");

	public static void main(String[] args) throws IOException {
		int changed = 0;
		for (String arg : args) {
			if (fix(Path.of(arg))) {
				changed++;
			}
		}
		System.out.println("imports rewritten in " + changed + " of " + args.length + " files");
	}

	private static boolean fix(Path file) throws IOException {
		String source = Files.readString(file, StandardCharsets.UTF_8);
		List<String> lines = new ArrayList<>(Arrays.asList(source.split("\n", -1)));
		int first = -1;
		int last = -1;
		for (int i = 0; i < lines.size(); i++) {
			if (IMPORT.matcher(lines.get(i)).matches()) {
				first = (first < 0) ? i : first;
				last = i;
			}
		}
		if (first < 0) {
			return false;
		}
		for (int i = first; i <= last; i++) {
			String line = lines.get(i).trim();
			if (!line.isEmpty() && !IMPORT.matcher(lines.get(i)).matches()) {
				System.err.println("skipped (something between imports): " + file);
				return false;
			}
		}
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < lines.size(); i++) {
			if (i < first || i > last) {
				body.append(lines.get(i)).append('\n');
			}
		}
		String code = withoutLiterals(body);
		List<Set<String>> groups = new ArrayList<>();
		for (int g = 0; g < 5; g++) {
			groups.add(new LinkedHashSet<>());
		}
		for (int i = first; i <= last; i++) {
			Matcher m = IMPORT.matcher(lines.get(i));
			if (!m.matches()) {
				continue;
			}
			boolean isStatic = m.group(1) != null;
			String name = m.group(2);
			boolean wildcard = m.group(3) != null;
			String simple = name.substring(name.lastIndexOf('.') + 1);
			if (!wildcard && !Pattern.compile("\\b" + Pattern.quote(simple) + "\\b").matcher(code).find()) {
				continue;
			}
			String imported = name + (wildcard ? ".*" : "");
			groups.get(isStatic ? 4 : group(name)).add(imported);
		}
		List<String> block = new ArrayList<>();
		for (int g = 0; g < 5; g++) {
			List<String> sorted = new ArrayList<>(groups.get(g));
			sorted.sort(Comparator.comparing((String name) -> name, StyleImports::compareTokens));
			if (sorted.isEmpty()) {
				continue;
			}
			if (!block.isEmpty()) {
				block.add("");
			}
			for (String name : sorted) {
				block.add("import " + ((g == 4) ? "static " : "") + name + ";");
			}
		}
		List<String> result = new ArrayList<>(lines.subList(0, first));
		result.addAll(block);
		List<String> rest = lines.subList(last + 1, lines.size());
		if (block.isEmpty() && !rest.isEmpty() && rest.get(0).isBlank()) {
			rest = rest.subList(1, rest.size());
		}
		result.addAll(rest);
		String fixed = String.join("\n", result);
		if (fixed.equals(source)) {
			return false;
		}
		Files.writeString(file, fixed, StandardCharsets.UTF_8);
		return true;
	}

	/** The code with the insides of string, text block and char literals left out. */
	private static String withoutLiterals(CharSequence source) {
		StringBuilder code = new StringBuilder(source.length());
		int i = 0;
		while (i < source.length()) {
			char c = source.charAt(i);
			if (startsWith(source, i, "//") || startsWith(source, i, "/*")) {
				// Comments are kept (Javadoc may use an import) but their quotes mean nothing.
				String end = startsWith(source, i, "//") ? "\n" : "*/";
				int close = source.toString().indexOf(end, i + 2);
				int stop = (close < 0) ? source.length() : close + end.length();
				code.append(source, i, stop);
				i = stop;
			}
			else if (c == '"' || c == '\'') {
				String quote = (c == '"' && startsWith(source, i, "\"\"\"")) ? "\"\"\"" : String.valueOf(c);
				i += quote.length();
				while (i < source.length() && !startsWith(source, i, quote)) {
					i += (source.charAt(i) == '\\') ? 2 : 1;
				}
				i += quote.length();
				code.append(' ');
			}
			else {
				code.append(c);
				i++;
			}
		}
		return code.toString();
	}

	private static boolean startsWith(CharSequence source, int index, String prefix) {
		return index + prefix.length() <= source.length()
				&& source.subSequence(index, index + prefix.length()).toString().equals(prefix);
	}

	private static int group(String name) {
		if (name.startsWith("java.")) {
			return 0;
		}
		if (name.startsWith("javax.")) {
			return 1;
		}
		return name.startsWith("org.springframework.") ? 3 : 2;
	}

	/** As Checkstyle's import order compares: name by name, a shorter name first. */
	private static int compareTokens(String a, String b) {
		String[] left = a.split("\\.");
		String[] right = b.split("\\.");
		for (int i = 0; i < Math.min(left.length, right.length); i++) {
			int result = left[i].compareTo(right[i]);
			if (result != 0) {
				return result;
			}
		}
		return Integer.compare(left.length, right.length);
	}

}
