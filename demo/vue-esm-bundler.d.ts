// Vue's full build (runtime + template compiler) has the types of 'vue'; vue-example.ts imports it
// because it compiles its template in the browser.
declare module 'vue/dist/vue.esm-bundler.js' {
  export * from 'vue';
}
