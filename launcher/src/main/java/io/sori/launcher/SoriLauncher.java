package io.sori.launcher; public class SoriLauncher { public static void main(String[] a) {} }
