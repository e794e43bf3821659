import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  // node_modules is a symlink to a shared install outside this folder.
  server: { fs: { allow: [".."] } },
  build: { target: "es2022", sourcemap: false },
});
